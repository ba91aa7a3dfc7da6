import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateCaseResponse, DuplicateHint, PERMISSIONS } from '@ruta/shared';
import { RequirePermission, Actor, CurrentActor } from '@ruta/platform';
import { CaseIntakeService } from './case-intake.service';
import { DuplicatesService } from './duplicates.service';
import { CreateCaseDto, DuplicateCheckDto } from './dto/create-case.dto';

@ApiTags('cases')
@Controller('cases')
export class CaseIntakeController {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly duplicates: DuplicatesService,
  ) {}

  @Post()
  @RequirePermission(PERMISSIONS.casesCreate)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCaseDto): Promise<CreateCaseResponse> {
    return this.intake.create(actor, dto);
  }

  @Post('duplicates')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.casesCreate)
  checkDuplicates(@CurrentActor() actor: Actor, @Body() dto: DuplicateCheckDto): Promise<DuplicateHint[]> {
    return this.duplicates.check(actor, dto);
  }
}
