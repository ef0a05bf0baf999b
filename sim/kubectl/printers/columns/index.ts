// The table handler of every kind the API server serves: what `kubectl get` receives as a Table.

import type { Kind } from '../../../api/kinds'
import type { KubeObject, Obj } from '../../../api/types'
import type { Cell, Column, Table } from '../table'
import { configMapColumns, configMapRow, eventColumns, eventRow, namespaceColumns, namespaceRow, nodeColumns, nodeRow } from './cluster'
import { secretColumns, secretRow, serviceAccountColumns, serviceAccountRow } from './cluster'
import { endpointSliceColumns, endpointSliceRow, endpointsColumns, endpointsRow, serviceColumns, serviceRow } from './network'
import { podColumns, podRow } from './pods'
import { pvColumns, pvRow, pvcColumns, pvcRow, storageClassColumns, storageClassRow } from './storage'
import {
  controllerRevisionColumns,
  controllerRevisionRow,
  deploymentColumns,
  deploymentRow,
  podDisruptionBudgetColumns,
  podDisruptionBudgetRow,
  replicaSetColumns,
  replicaSetRow,
  statefulSetColumns,
  statefulSetRow,
} from './workloads'

export interface TableHandler {
  columns: readonly Column[]
  row(obj: KubeObject, now: number, wide: boolean): Cell[]
}

function handler<K extends Kind>(columns: readonly Column[], row: (o: Obj<K>, now: number, wide: boolean) => Cell[]): TableHandler {
  return { columns, row: (o, now, wide) => row(o as unknown as Obj<K>, now, wide) }
}

export const TABLE_HANDLERS: Record<Kind, TableHandler> = {
  Namespace: handler<'Namespace'>(namespaceColumns, namespaceRow),
  Node: handler<'Node'>(nodeColumns, nodeRow),
  Pod: handler<'Pod'>(podColumns, podRow),
  Service: handler<'Service'>(serviceColumns, serviceRow),
  Endpoints: handler<'Endpoints'>(endpointsColumns, endpointsRow),
  EndpointSlice: handler<'EndpointSlice'>(endpointSliceColumns, endpointSliceRow),
  StatefulSet: handler<'StatefulSet'>(statefulSetColumns, statefulSetRow),
  ControllerRevision: handler<'ControllerRevision'>(controllerRevisionColumns, controllerRevisionRow),
  Deployment: handler<'Deployment'>(deploymentColumns, deploymentRow),
  ReplicaSet: handler<'ReplicaSet'>(replicaSetColumns, replicaSetRow),
  PersistentVolume: handler<'PersistentVolume'>(pvColumns, pvRow),
  PersistentVolumeClaim: handler<'PersistentVolumeClaim'>(pvcColumns, pvcRow),
  StorageClass: handler<'StorageClass'>(storageClassColumns, storageClassRow),
  ConfigMap: handler<'ConfigMap'>(configMapColumns, configMapRow),
  Secret: handler<'Secret'>(secretColumns, secretRow),
  ServiceAccount: handler<'ServiceAccount'>(serviceAccountColumns, serviceAccountRow),
  PodDisruptionBudget: handler<'PodDisruptionBudget'>(podDisruptionBudgetColumns, podDisruptionBudgetRow),
  Event: handler<'Event'>(eventColumns, eventRow),
}

/** The Table the API server would answer for these objects (`as=Table`). */
export function toTable(kind: Kind, objects: readonly KubeObject[], now: number, wide: boolean): Table {
  const h = TABLE_HANDLERS[kind]
  return { columns: h.columns, rows: objects.map((o) => ({ cells: h.row(o, now, wide), object: o })) }
}
