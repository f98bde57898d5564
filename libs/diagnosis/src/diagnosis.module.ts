import { Module } from '@nestjs/common';
import { DiagnosesService } from './diagnoses.service.js';

/** Diagnosis (评估诊断): MIIT questionnaire, scoring, the enterprise's level, suggested, common and individual needs. */
@Module({
  providers: [DiagnosesService],
  exports: [DiagnosesService],
})
export class DiagnosisModule {}
