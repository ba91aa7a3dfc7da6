import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CountryView, DepartmentView, MunicipalityView, PERMISSIONS } from '@ruta/shared';
import { RequirePermission } from '@ruta/platform';
import { DepartmentCodePipe } from './department-code.pipe';
import { PlacesService } from './places.service';

@ApiTags('places')
@Controller('places')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get('departments')
  @RequirePermission(PERMISSIONS.casesRead)
  departments(): Promise<DepartmentView[]> {
    return this.places.departments();
  }

  /** All 1,122 municipalities at once, for the place search that matches across departments (read once per session). */
  @Get('municipalities')
  @RequirePermission(PERMISSIONS.casesRead)
  allMunicipalities(): Promise<MunicipalityView[]> {
    return this.places.allMunicipalities();
  }

  @Get('departments/:code/municipalities')
  @RequirePermission(PERMISSIONS.casesRead)
  municipalities(@Param('code', DepartmentCodePipe) code: string): Promise<MunicipalityView[]> {
    return this.places.municipalities(code);
  }

  @Get('countries')
  @RequirePermission(PERMISSIONS.casesRead)
  countries(): CountryView[] {
    return this.places.countries();
  }
}
