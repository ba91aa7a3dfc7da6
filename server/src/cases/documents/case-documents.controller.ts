import { Body, Controller, Get, Param, ParseUUIDPipe, Post, StreamableFile, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CASE_DOCUMENT_MAX_BYTES, CaseDocumentView, PERMISSIONS } from '@ruta/shared';
import { RequirePermission, Actor, CurrentActor } from '@ruta/platform';
import { CaseDocumentsService, UploadedDocument } from './case-documents.service';
import { UploadDocumentDto } from './dto/upload-document.dto';
import { UploadErrorsFilter } from './upload-errors.filter';

const UPLOAD_LIMITS = { fileSize: CASE_DOCUMENT_MAX_BYTES, files: 1, fields: 5, parts: 6 };

@ApiTags('case documents')
@Controller('cases/:code/documents')
export class CaseDocumentsController {
  constructor(private readonly documents: CaseDocumentsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.documentsRead)
  list(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<CaseDocumentView[]> {
    return this.documents.list(actor, code);
  }

  @Post()
  @RequirePermission(PERMISSIONS.documentsUpload)
  @ApiConsumes('multipart/form-data')
  @UseFilters(UploadErrorsFilter)
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  upload(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UploadDocumentDto, @UploadedFile() file?: UploadedDocument): Promise<CaseDocumentView> {
    return this.documents.upload(actor, code, dto, file);
  }

  /** Always an attachment, named by the document id, with the type sniffed at upload. */
  @Get(':id/content')
  @RequirePermission(PERMISSIONS.documentsRead)
  async download(@CurrentActor() actor: Actor, @Param('code') code: string, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const file = await this.documents.download(actor, code, id);
    return new StreamableFile(file.content, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"`, length: file.content.length });
  }
}
