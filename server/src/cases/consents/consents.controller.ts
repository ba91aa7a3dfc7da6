import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ConsentView, PERMISSIONS } from '@ruta/shared';
import { RequirePermission, Actor, CurrentActor } from '@ruta/platform';
import { ConsentsService } from './consents.service';
import { ConsentDto } from './dto/consent.dto';

/** Consents are recorded and revoked, never edited or deleted: each is evidence of what was authorised when. */
@ApiTags('consents')
@Controller('cases/:code/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.consentRead)
  list(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<ConsentView[]> {
    return this.consents.list(actor, code);
  }

  @Post()
  @RequirePermission(PERMISSIONS.consentManage)
  create(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: ConsentDto): Promise<ConsentView[]> {
    return this.consents.create(actor, code, dto);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.consentManage)
  revoke(@CurrentActor() actor: Actor, @Param('code') code: string, @Param('id', ParseUUIDPipe) id: string): Promise<ConsentView[]> {
    return this.consents.revoke(actor, code, id);
  }
}
