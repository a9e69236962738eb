import { LEGAL_GROUND_IDS } from '../rules/legal-grounds';

/** A complaint's defect category is one of the catalogue's groups: a legal ground. */
export const COMPLAINT_CATEGORIES = LEGAL_GROUND_IDS;

export const CATEGORY_MESSAGE = `must be one of ${LEGAL_GROUND_IDS.join(', ')}`;
