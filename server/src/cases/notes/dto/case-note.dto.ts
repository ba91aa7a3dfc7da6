import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CaseNoteInput } from '@ruta/shared';

export class CaseNoteDto implements CaseNoteInput {
  @ApiProperty() @IsString({ message: 'body is required' }) @IsNotEmpty({ message: 'body is required' }) @MaxLength(20000) body!: string;
  /** Visible only inside the author's institution. */
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'restricted must be true or false' }) restricted?: boolean;
}
