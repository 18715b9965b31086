// English strings of the competent authority and its delegations (Vietnamese in vi-authority.ts).
import type { viAuthority } from './vi-authority.ts';

export const enAuthority: Record<keyof typeof viAuthority, string> = {
  'auth.title': 'Competent authorities: approval and publication',
  'auth.hint':
    'Each part of the results is approved and published by its own competent authority (the province: departments and what the provincial council appraised; a district: its communes). A higher level does not act in its place without a recorded delegation.',
  'auth.group': 'Group',
  'auth.authority': 'Competent authority',
  'auth.state': 'State',
  'auth.pending': 'Awaiting approval',
  'auth.approved': 'Approved',
  'auth.published': 'Published',
  'auth.approve': 'Approve',
  'auth.publish': 'Publish this part',
  'auth.publishConfirm': 'Publish the approved results of {authority}? The publication is signed and cannot be edited.',
  'auth.publishedPart': 'Published the results of {authority} (version {version}).',
  'auth.delegations': 'Delegations',
  'auth.noDelegations': 'No delegation recorded.',
  'auth.record': 'Record a delegation',
  'auth.from': 'Delegating authority',
  'auth.to': 'Delegate',
  'auth.powers': 'Powers delegated',
  'auth.power.appraise': 'Appraise',
  'auth.power.approve': 'Approve',
  'auth.power.publish': 'Publish',
  'auth.reason': 'Reason',
  'auth.documentRef': 'Delegation document',
  'auth.documentRefHelp':
    'Number and date of the delegating body’s document. Required when the campaign owner records it.',
  'auth.recordedBy': 'Recorded by {who}, {date}',
  'auth.revoked': 'Revoked on {date}: {reason}',
  'auth.revoke': 'Revoke',
  'auth.revokeReason': 'Reason for revoking',
  'auth.recorded': 'Delegation recorded',
  'auth.revokedDone': 'Delegation revoked',
  'adm.signerPosition': 'Signer’s position',
  'adm.signerPositionHelp': 'As in the signature block, e.g. KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.',
  'camp.progressRules':
    'Progress round: only the extent of implementation is reported — no bands, no ranking, no late penalty.',
  'adm.authority': 'Approving authority',
};
