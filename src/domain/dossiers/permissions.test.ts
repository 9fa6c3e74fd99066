import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/roles.ts';
import { audienceOf, canDo, type DossierAction } from './permissions.ts';

const ORG = 'org-demo';
const OTHER = 'org-other';
const dossier = {
  memberId: 'm1',
  organisationId: ORG,
  mediatorId: 'med1',
  transmittedAt: '2026-11-01T10:00:00Z',
};
const actor = (role: Role, id: string, organisationId: string | null = null): Actor => ({
  id,
  role,
  organisationId,
});

const owner = actor('member', 'm1');
const stranger = actor('member', 'm2');
const handler = actor('handler', 'h1', ORG);
const supervisor = actor('supervisor', 's1', ORG);
const auditor = actor('auditor', 'a1', ORG);
const admin = actor('admin', 'ad1', ORG);
const otherHandler = actor('handler', 'h2', OTHER);
const mediator = actor('mediator', 'med1');
const otherMediator = actor('mediator', 'med2');

describe('canDo', () => {
  // [who, action, allowed] — write rules on top of canReadDossier (least privilege, RGPD art. 25)
  const rows: [string, Actor, DossierAction, boolean][] = [
    ['owner uploads', owner, 'document.write', true],
    ['handler uploads', handler, 'document.write', true],
    ['supervisor uploads', supervisor, 'document.write', true],
    ['auditor reads only', auditor, 'document.write', false],
    ['admin reads only', admin, 'document.write', false],
    ['mediator reads only', mediator, 'document.write', false],
    ['another member cannot', stranger, 'document.write', false],
    ['another organisation cannot', otherHandler, 'document.write', false],
    ['owner logs a contact', owner, 'contact.write', true],
    ['mediator does not log contacts', mediator, 'contact.write', false],
    ['owner writes a message', owner, 'message.write', true],
    ['owner never writes internal notes', owner, 'note.write', false],
    ['handler writes internal notes', handler, 'note.write', true],
    ['auditor writes no notes', auditor, 'note.write', false],
    ['owner records facts', owner, 'facts.write', true],
    ['handler records facts', handler, 'facts.write', true],
    ['mediator records no facts in the organisation’s file', mediator, 'facts.write', false],
    ['owner rates the handling', owner, 'satisfaction.write', true],
    ['handler cannot rate his own handling', handler, 'satisfaction.write', false],
    ['unrelated mediator cannot even read', otherMediator, 'document.write', false],
  ];
  it.each(rows)('%s', (_why, who, action, allowed) => {
    expect(canDo(who, dossier, action)).toBe(allowed);
  });

  it('grants nothing on a file without organisation to staff', () => {
    const alone = { ...dossier, organisationId: null };
    expect(canDo(actor('handler', 'h3', null), alone, 'document.write')).toBe(false);
    expect(canDo(owner, alone, 'document.write')).toBe(true);
  });
});

describe('audienceOf', () => {
  const rows: [string, Actor, 'member' | 'staff'][] = [
    ['owner', owner, 'member'],
    ['handler', handler, 'staff'],
    ['auditor', auditor, 'staff'],
    ['admin', admin, 'staff'],
    ['mediator: independent, not the organisation’s staff', mediator, 'member'],
    ['staff of another organisation', otherHandler, 'member'],
  ];
  it.each(rows)('%s', (_why, who, expected) => {
    expect(audienceOf(who, dossier).kind).toBe(expected);
  });
});
