// Issue 13 §6, read as a DX office would make the mistakes. A deadline is the END of its day in Vietnam:
// on 25/11 units may still submit on time; from 26/11 the deadline has passed.
import { describe, expect, it } from 'vitest';
import {
  decisionDateProblem,
  earlyClose,
  earlyCloseMessage,
  overlapVerdict,
  pastDeadlineMessage,
  pastSelfAssessmentDeadlines,
  publicationBeforeApproval,
  type CampaignOverlap,
} from '../../../src/core/campaign/index.ts';

const communes = { groupId: 'g1', name: 'Cấp xã', selfAssessment: '2026-11-25' };
const departments = { groupId: 'g2', name: 'Sở, ban, ngành', selfAssessment: '2026-12-10' };

describe('opening with a self-assessment deadline already past (every unit would be "not submitted → Yếu", 000 Điều 9.2.e)', () => {
  it("a campaign created from the preset in December keeps the preset's 25/11: the group is listed as past", () => {
    expect(pastSelfAssessmentDeadlines([communes, departments], '2026-12-03')).toEqual([communes]);
  });

  it('the deadline day itself is not past (the deadline is the end of that day)', () => {
    expect(pastSelfAssessmentDeadlines([communes], '2026-11-25')).toEqual([]);
    expect(pastSelfAssessmentDeadlines([communes], '2026-11-26')).toEqual([communes]);
  });

  it('the message names the group, its deadline and today in dd/mm/yyyy and says to set new deadlines', () => {
    expect(pastDeadlineMessage([communes], '2026-12-03')).toBe(
      'Hạn tự đánh giá của nhóm "Cấp xã" (25/11/2026) đã qua (hôm nay 03/12/2026): mở kỳ lúc này thì mọi đơn vị bị tính là không gửi báo cáo và xếp loại thấp nhất. Hãy đặt hạn mới ngay trong bước mở kỳ.',
    );
  });
});

describe('closing self-assessment before the deadline', () => {
  it('17 days early with 22 of 23 units unsubmitted: early, and the count is stated', () => {
    const e = earlyClose([{ ...communes, units: 23, submitted: 1 }], '2026-11-08');
    expect(e).toMatchObject({ unsubmitted: 22, units: 23, deadline: '2026-11-25' });
    expect(e.early).toHaveLength(1);
    expect(earlyCloseMessage(e)).toBe(
      'Kết thúc tự đánh giá trước hạn (25/11/2026): còn 22/23 đơn vị chưa gửi bản tự đánh giá và sẽ bị tính là không gửi. Cần nêu lý do.',
    );
  });

  it('on the deadline day it is still early; the day after it is not', () => {
    expect(earlyClose([{ ...communes, units: 23, submitted: 1 }], '2026-11-25').early).toHaveLength(1);
    expect(earlyClose([{ ...communes, units: 23, submitted: 1 }], '2026-11-26').early).toHaveLength(0);
  });

  it('with two groups, the latest running deadline is the one named; units are counted over the campaign', () => {
    const e = earlyClose(
      [
        { ...communes, units: 23, submitted: 23 },
        { ...departments, units: 20, submitted: 5 },
      ],
      '2026-11-30',
    );
    expect(e).toMatchObject({ unsubmitted: 15, units: 43, deadline: '2026-12-10' });
    expect(e.early.map((g) => g.groupId)).toEqual(['g2']);
  });
});

describe('the approval decision and its publication (000 Điều 9.3–9.4)', () => {
  it('a decision dated today or earlier is accepted; one dated 29/12 on 03/12 is refused', () => {
    expect(decisionDateProblem('2026-12-03', '2026-12-03')).toBeNull();
    expect(decisionDateProblem('2026-11-30', '2026-12-03')).toBeNull();
    expect(decisionDateProblem('2026-12-29', '2026-12-03')).toBe(
      'Ngày quyết định phê duyệt 29/12/2026 sau ngày hôm nay (03/12/2026): không ghi nhận quyết định chưa ban hành.',
    );
  });

  it('publication cannot precede approval: "published 03/12" under a decision "of 29/12" is refused', () => {
    expect(
      publicationBeforeApproval([{ decisionNumber: '123/QĐ-UBND', decisionDate: '2026-12-29' }], '2026-12-03'),
    ).toBe(
      'Không công bố trước ngày phê duyệt: quyết định 123/QĐ-UBND ngày 29/12/2026 chưa đến ngày (hôm nay 03/12/2026).',
    );
    expect(
      publicationBeforeApproval([{ decisionNumber: '123/QĐ-UBND', decisionDate: '2026-12-03' }], '2026-12-03'),
    ).toBeNull();
  });
});

describe('a unit is ranked once a year', () => {
  const other = (kind: 'annual' | 'progress', year: number): CampaignOverlap => ({
    campaignId: `${kind}${year}`,
    name: `Kỳ ${kind} ${year}`,
    year,
    kind,
    units: 1,
  });

  it('a second annual campaign of the same year for the same commune is refused (unless confirmed why)', () => {
    expect(overlapVerdict('annual', 2026, [other('annual', 2026)]).refuse).toHaveLength(1);
  });

  it('another year, or a progress round (never ranked, 000 Điều 7.2), is only a warning', () => {
    expect(overlapVerdict('annual', 2026, [other('annual', 2025), other('progress', 2026)])).toMatchObject({
      refuse: [],
      warn: [{ year: 2025 }, { kind: 'progress' }],
    });
    expect(overlapVerdict('progress', 2026, [other('progress', 2026)]).refuse).toEqual([]);
  });
});
