export type { Event, ObjectReference } from 'kubernetes-types/core/v1'
export type { KubeObject } from '../api/types'
