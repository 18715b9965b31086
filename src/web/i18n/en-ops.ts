// English strings of notifications, reminders, supplied figures import and API tokens; keys mirror vi-ops.ts.
import type { viOps } from './vi-ops.ts';

export const enOps: Record<keyof typeof viOps, string> = {
  'notif.title': 'Notifications',
  'notif.readAll': 'Mark all as read',
  'notif.empty': 'No notifications yet.',
  'notif.justNow': 'just now',
  'notif.minutesAgo': '{n} min ago',
  'notif.hoursAgo': '{n} h ago',
  'notif.daysAgo': '{n} days ago',
  'camp.remindNow': 'Send reminders now',
  'camp.remindersConfirm': 'Send reminders to the units that have not submitted?',
  'camp.remindersQueued': 'Reminders scheduled ({n} units not submitted).',
  'fig.title': 'Import figures from another system',
  'fig.help': 'Upload an .xlsx (first sheet) or .csv file whose header row has the columns:',
  'fig.help2':
    'One figure per row; a ratio takes two rows "a" and "b". "Tên số liệu" is the scoring method’s input name (a, b, value, yes, choice, score…). All or nothing: with any problem nothing is recorded. Values the unit typed itself are kept.',
  'fig.done':
    '{accepted} figures received: prefilled {prefilled}, unit’s own kept {kept}, unchanged {unchanged}, locked {locked}.',
  'fig.unitCode': 'Unit code',
  'fig.itemCode': 'Item code',
  'tok.manage': 'API tokens',
  'tok.title': 'API tokens — {name}',
  'tok.help':
    'A token lets another system do one thing on behalf of this account (header Authorization: Bearer …): send figures, or read results. A token never manages accounts or other tokens; it expires, and is revoked when the account changes its password, has it reset, is disabled or loses the role its scope needs. Revoke it as soon as it is no longer used.',
  'tok.name': 'Token name',
  'tok.namePlaceholder': 'e.g. One-stop-shop system',
  'tok.create': 'Create token',
  'tok.createdAt': 'Created',
  'tok.lastUsed': 'Last used',
  'tok.never': 'Never',
  'tok.active': 'Active',
  'tok.revoke': 'Revoke',
  'tok.revokeConfirm': 'Revoke this token? Systems using it will no longer be able to send figures.',
  'tok.revokedAt': 'Revoked {at}',
  'tok.expired': 'Expired',
  'tok.scope': 'Scope',
  'tok.scopePlaceholder': 'Choose what the token may do',
  'tok.scope.figures:write': 'Supply figures',
  'tok.scope.results:read': 'Read results',
  'tok.scopeHelp.figures:write':
    'Send figures to the units of open campaigns (needs the data supplier or DX office role).',
  'tok.scopeHelp.results:read':
    'Read campaigns, results, publications, dashboards and export result files (needs the viewer, support team, council or DX office role).',
  'tok.scopeNotHeld': 'The account holds no role this scope needs.',
  'tok.noScope': 'The account holds no role that allows an API token. Grant a role first (e.g. data supplier).',
  'tok.lifetime': 'Lifetime',
  'tok.lifetimeMax': 'At most {n} days',
  'tok.days': 'days',
  'tok.expiresAt': 'Expires',
  'tok.createdScope': 'Scope: {scope}. Expires on {date}.',
  'tok.reason.manual': 'revoked by hand',
  'tok.reason.password_changed': 'the account changed its password',
  'tok.reason.password_reset': 'the password was reset',
  'tok.reason.role_lost': 'the account lost the role needed',
  'tok.reason.account_disabled': 'the account was disabled',
  'tok.reason.other': 'revoked automatically',
  'tok.createdTitle': 'New API token',
  'tok.once': 'The token is shown only this once. Copy it and keep it safe; if lost, revoke it and create a new one.',
  'tok.copy': 'Copy',
  'tok.copied': 'Copied',
  'tok.copiedDone': 'I have saved the token',
  'tok.usage': 'Send the header: Authorization: Bearer <token>',
  'eff.units': 'Applies to {n} units — {groups}.',
  'eff.unitsAppraisal': 'Appraisal of {n} units — {groups}.',
  'eff.group': '{name}: {n} units, deadline {deadline}',
  'eff.noDeadline': 'not set',
  'eff.open':
    'Each unit gets an empty self-assessment; its reporters and leader see the campaign on their home page and start entering.',
  'eff.close':
    'Units can no longer enter, edit or submit (units that have not submitted stay not submitted); reminders stop.',
  'eff.reopen':
    'Units can enter, edit and submit again; a submission after the deadline still counts as late under the campaign rules.',
  'eff.startAppraisal':
    'The support team and the appraisal council (or the parent unit, per group) see the appraisal queue; units can no longer edit their reports.',
  'eff.archive': 'The campaign becomes read-only; published results stay as they are.',
  'eff.reminders':
    'Nobody is notified now; reminders go automatically to the reporters and leaders of units that have not submitted {days} days before the deadline.',
  'eff.noReminders': 'Nobody is notified (the campaign sets no reminders).',
  'eff.nobodyNotified': 'Nobody is notified.',
  'eff.audit': 'The action is recorded in the audit log.',
  'fw.createVersionConfirm': 'Create a new version?',
  'fw.createVersionEffect':
    'Creates draft version {next} of index set {code}, copying every item of version {version} for editing. Version {version} does not change.',
  'fw.createVersionInUse':
    'Campaigns using version {version} ({campaigns}) keep using it; the new version is used only once published and assigned to a campaign.',
};
