// Moving the cursor between the fields of a keyboard-driven form (收款, quick pay, 撤销/退货).
import { nextTick, type Ref } from 'vue'

/** Focusable is the part of an el-input the forms use. */
export interface Focusable {
  focus: () => void
  select: () => void
}

/** useFieldFocus returns focus(field, select): after the next render, focus (and select) that input. */
export function useFieldFocus<F extends string>(
  inputs: Record<F, Ref<Focusable | null>>,
): (field: F, select?: boolean) => void {
  return (field, select = false) => {
    void nextTick(() => {
      const el = inputs[field].value
      el?.focus()
      if (select) el?.select()
    })
  }
}
