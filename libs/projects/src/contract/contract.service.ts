import { Injectable } from '@nestjs/common';
import type { Principal } from '@smedx/platform';
import { ProjectsService } from '../projects.service.js';
import { buildContract } from './contract-document.js';
import { renderContractHtml } from './contract-html.js';
import { renderContractPdf } from './contract-pdf.js';

/** The standard contract (标准化合同) of a project, for those who may read the project. */
@Injectable()
export class ContractService {
  constructor(private readonly projects: ProjectsService) {}

  /** Printable HTML. */
  async html(actor: Principal, projectId: string): Promise<{ contractNo: string; html: string }> {
    const doc = buildContract(await this.projects.readable(actor, projectId));
    return { contractNo: doc.contractNo, html: renderContractHtml(doc) };
  }

  /** A4 PDF with the Chinese text embedded. */
  async pdf(actor: Principal, projectId: string): Promise<{ contractNo: string; pdf: Buffer }> {
    const doc = buildContract(await this.projects.readable(actor, projectId));
    return { contractNo: doc.contractNo, pdf: await renderContractPdf(doc) };
  }
}
