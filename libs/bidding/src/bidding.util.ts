/** Amounts in notifications read as everywhere else on the platform (¥, 万元 from ten thousand): the contract's one helper. */
export { formatFen } from '@smedx/contracts';
