export * from './miit-dx-level-2024.data.js';
export * from './questionnaire.js';
export * from './scoring.js';
export * from './common-needs.js';
export * from './diagnosis.entity.js';
export * from './dto/diagnosis.dto.js';
export * from './diagnosis.views.js';
export * from './diagnoses.service.js';
export * from './diagnosis.module.js';

import { Diagnosis } from './diagnosis.entity.js';
export const DIAGNOSIS_ENTITIES = [Diagnosis];
