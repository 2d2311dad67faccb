import { useState } from "react";

/**
 * A dialog about one thing (an address to edit, a link to undo). The thing outlives the closing,
 * so the dialog keeps its title and text during the closing animation.
 */
export function useDialog<T>() {
  const [state, setState] = useState<{ opened: boolean; value: T | null }>({ opened: false, value: null });
  return {
    opened: state.opened,
    value: state.value,
    open: (value: T) => setState({ opened: true, value }),
    close: () => setState((s) => ({ ...s, opened: false })),
  };
}
