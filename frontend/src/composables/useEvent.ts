// A Go event a component listens to while it is shown.
import { onBeforeUnmount } from 'vue'
import { onEvent } from '../api/runtime'

/** useEvent subscribes to a Go event now and unsubscribes when the component unmounts. */
export function useEvent<T>(name: string, cb: (payload: T) => void): void {
  onBeforeUnmount(onEvent<T>(name, cb))
}
