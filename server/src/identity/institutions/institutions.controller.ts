import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstitutionView, PERMISSIONS } from '@ruta/shared';
import { RequirePermission } from '@ruta/platform';
import { CreateInstitutionDto, UpdateInstitutionDto } from './dto/institution.dto';
import { InstitutionsService } from './institutions.service';

@ApiTags('institutions')
@Controller('institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.institutionsRead)
  list(): Promise<InstitutionView[]> {
    return this.institutions.list();
  }

  @Post()
  @RequirePermission(PERMISSIONS.institutionsManage)
  create(@Body() dto: CreateInstitutionDto): Promise<InstitutionView> {
    return this.institutions.create(dto);
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.institutionsManage)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateInstitutionDto): Promise<InstitutionView> {
    return this.institutions.update(id, dto);
  }
}
