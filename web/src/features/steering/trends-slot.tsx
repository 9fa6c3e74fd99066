/**
 * The place of « Tendances » (pattern alerts, issue 15) on the dashboard. Another engineer fills it: it renders
 * nothing until then, so the page shows no empty section. Replace this component's body, keep its props.
 */
export function TrendsSlot(_props: { from: string; to: string }) {
  return null;
}
