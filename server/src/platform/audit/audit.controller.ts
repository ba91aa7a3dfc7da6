import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEventView, AuditHeadView, AuditVerifyResponse, Page, PERMISSIONS } from '@ruta/shared';
import { RequirePermission } from '../access/access.decorators';
import { AuditTrailService } from './audit-trail.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get('events')
  @RequirePermission(PERMISSIONS.auditRead)
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEventView>> {
    return this.trail.list(query);
  }

  @Get('head')
  @RequirePermission(PERMISSIONS.auditRead)
  head(): Promise<AuditHeadView> {
    return this.trail.head();
  }

  @Post('verify')
  @RequirePermission(PERMISSIONS.auditVerify)
  @HttpCode(200)
  verify(): Promise<AuditVerifyResponse> {
    return this.trail.verify();
  }
}
