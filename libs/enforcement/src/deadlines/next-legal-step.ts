/**
 * What the officer should do next about an order item whose defect a re-inspection found not
 * remedied (DOMAIN.md, Jobs). Pure; the handler words it into a notification. Follows the
 * enforcement rules of order-lifecycle.ts: nothing is enforced while a suit suspends the order or
 * before it is final or immediately enforceable; a coercive fine is fixed only on a served threat
 * whose period has passed (§ 64 VwVG NRW), else threatened anew (§ 63 VwVG NRW).
 */
import { isFinalOrder, isOverdueItem, type SuitOutcome } from '../orders/order-dates';
import {
  enforcementRefusal,
  type OrderItemStatus,
  type OrderStatus,
} from '../orders/order-lifecycle';
import { germanDate } from '../letters/letter-composition';
import { addDays, type LegalDate } from '../rules/legal-date';

export type NextLegalStep =
  | { step: 'wait_for_court' }
  | { step: 'period_running'; until: LegalDate }
  | { step: 'wait_until_final'; finalFrom: LegalDate | null }
  | { step: 'record_not_complied_then_fix'; measure: 'coercive_fine' | 'substitute_performance' }
  | { step: 'fix'; measure: 'coercive_fine' | 'substitute_performance' }
  | { step: 'threaten_again' };

export interface NextStepInput {
  orderStatus: OrderStatus;
  immediatelyEnforceable: boolean;
  challengeEndsOn: LegalDate | null;
  suitFiledOn: LegalDate | null;
  suitLate: boolean;
  suitOutcome: SuitOutcome | null;
  itemStatus: OrderItemStatus;
  dueOn: LegalDate | null;
  dueAt: Date | null;
  openThreats: ReadonlyArray<{
    measure: 'coercive_fine' | 'substitute_performance';
    /** The end of a separate threat's period; null for the order's own (the item's due date). */
    dueOn: LegalDate | null;
  }>;
}

export function nextLegalStep(input: NextStepInput, now: Date, today: LegalDate): NextLegalStep {
  if (input.orderStatus === 'challenged' && !input.immediatelyEnforceable) {
    return { step: 'wait_for_court' };
  }
  const item = { status: input.itemStatus, dueOn: input.dueOn, dueAt: input.dueAt };
  if (input.itemStatus === 'open' && input.dueOn !== null && !isOverdueItem(item, now, today)) {
    return { step: 'period_running', until: input.dueOn };
  }
  const final = isFinalOrder({ ...input, status: input.orderStatus }, today);
  if (
    enforcementRefusal({
      status: input.orderStatus,
      final,
      immediatelyEnforceable: input.immediatelyEnforceable,
    })
  ) {
    return {
      step: 'wait_until_final',
      finalFrom: input.challengeEndsOn === null ? null : addDays(input.challengeEndsOn, 1),
    };
  }
  // The order's own threat runs with the item's period, which has passed by now.
  const ripe = input.openThreats.find((threat) => threat.dueOn === null || threat.dueOn < today);
  if (ripe) {
    return input.itemStatus === 'open'
      ? { step: 'record_not_complied_then_fix', measure: ripe.measure }
      : { step: 'fix', measure: ripe.measure };
  }
  return { step: 'threaten_again' };
}

const MEASURE: Record<'coercive_fine' | 'substitute_performance', string> = {
  coercive_fine: 'das angedrohte Zwangsgeld festsetzen',
  substitute_performance: 'die angedrohte Ersatzvornahme festsetzen',
};

/** The step in the officer's words (German, as the office works). */
export function describeNextStep(step: NextLegalStep): string {
  switch (step.step) {
    case 'wait_for_court':
      return 'Die Klage hat aufschiebende Wirkung (§ 80 Abs. 1 VwGO): bis zur Entscheidung des Gerichts keine Vollstreckung.';
    case 'period_running':
      return `Die Frist läuft noch bis ${germanDate(step.until)}: danach erneut prüfen.`;
    case 'wait_until_final':
      return step.finalFrom
        ? `Die Anordnung ist weder bestandskräftig noch sofort vollziehbar: Vollstreckung ab ${germanDate(step.finalFrom)} möglich, wenn bis dahin keine Klage erhoben wird.`
        : 'Die Anordnung ist weder bestandskräftig noch sofort vollziehbar: Vollstreckung erst danach.';
    case 'record_not_complied_then_fix':
      return `Nichterfüllung erfassen, dann ${MEASURE[step.measure]} (§ 64 VwVG NRW).`;
    case 'fix':
      return `Nächster Schritt: ${MEASURE[step.measure]} (§ 64 VwVG NRW).`;
    case 'threaten_again':
      return 'Keine zugestellte Androhung offen: Zwangsgeld oder Ersatzvornahme erneut androhen (§ 63 VwVG NRW), mit neuer Frist.';
  }
}
