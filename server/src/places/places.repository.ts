import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RepositoryBase } from '@ruta/platform';
import { PlaceEntity } from './place.entity';

/** DIVIPOLA places: 33 departments and 1,122 municipalities, read-only reference data. */
@Injectable()
export class PlacesRepository extends RepositoryBase {
  private get repo() {
    return this.manager.getRepository(PlaceEntity);
  }

  departments(): Promise<PlaceEntity[]> {
    return this.repo.find({ where: { kind: 'department' }, order: { name: 'ASC' } });
  }

  municipalities(departmentCode: string): Promise<PlaceEntity[]> {
    return this.repo.find({ where: { kind: 'municipality', departmentCode }, order: { name: 'ASC' } });
  }

  allMunicipalities(): Promise<PlaceEntity[]> {
    return this.repo.find({ where: { kind: 'municipality' }, order: { code: 'ASC' } });
  }

  findByCodes(codes: string[]): Promise<PlaceEntity[]> {
    return codes.length ? this.repo.findBy({ code: In([...new Set(codes)]) }) : Promise.resolve([]);
  }
}
