import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseNoteView, PERMISSIONS } from '@ruta/shared';
import { RequirePermission, Actor, CurrentActor } from '@ruta/platform';
import { CaseNotesService } from './case-notes.service';
import { CaseNoteDto } from './dto/case-note.dto';

@ApiTags('case notes')
@Controller('cases/:code/notes')
export class CaseNotesController {
  constructor(private readonly notes: CaseNotesService) {}

  @Get()
  @RequirePermission(PERMISSIONS.notesRead)
  list(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<CaseNoteView[]> {
    return this.notes.list(actor, code);
  }

  @Post()
  @RequirePermission(PERMISSIONS.notesCreate)
  create(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: CaseNoteDto): Promise<CaseNoteView[]> {
    return this.notes.create(actor, code, dto);
  }
}
