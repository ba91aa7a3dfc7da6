import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ChangePasswordRequest, Language, LANGUAGES, LoginRequest, PASSWORD_MAX_LENGTH, TotpRequest } from '@ruta/shared';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'investigator@policia.demo' })
  @IsEmail({}, { message: 'Enter a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter your password' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class TotpDto implements TotpRequest {
  @ApiProperty({ description: 'Six digits from the authenticator app, or a recovery code' })
  @IsString()
  @IsNotEmpty({ message: 'Enter the code' })
  @MaxLength(20)
  code!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter your current password' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @IsNotEmpty({ message: 'Enter a new password' })
  newPassword!: string;
}

export class DisableMfaDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter your password' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class UpdateProfileDto {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES as readonly string[], { message: 'language must be es or en' })
  language!: Language;
}
