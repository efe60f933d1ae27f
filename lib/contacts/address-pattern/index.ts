export { PATTERN_IDS, PATTERNS, render, spell, type PatternId } from './catalogue';
export { classify, learnPatterns, type DomainEvidence, type KnownAddress } from './learn';
export { nameForms, type NameForms } from './name';
export { evidenceText, majority, proposeAddress, spellFor, type AddressProposal } from './propose';
export { DIMENSIONS, type Dimension } from './style';
export { addressProposalSchema } from './schema';
export { openProposal } from './settle';
export { domainsToLearn, pageCompanyDomain, proposeForPage, type PagePerson } from './page';
