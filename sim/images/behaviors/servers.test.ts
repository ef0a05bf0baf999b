import { describe, expect, it } from 'vitest'
import { fromCivil } from '../../core/time'
import { fakeContainer } from '../fake-env'
import { mysqlImage, postgresImage } from './servers'

const T = fromCivil(2025, 5, 20, 10, 0, 0)

describe('mysql', () => {
  const mysql = mysqlImage('8.0')

  it('exits 1 without a root password option, as the docker-library entrypoint does', () => {
    const c = fakeContainer(mysql, { now: T })
    const plan = mysql.plan({}, c.env)
    expect(plan.exit).toEqual({ afterMs: 0, exitCode: 1 })
    // docker-library/mysql docker-entrypoint.sh: mysql_note / mysql_error with `date --rfc-3339=seconds`.
    expect(plan.startupLog).toEqual([
      '2025-05-20 10:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.42-1.el9 started.',
      "2025-05-20 10:00:00+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
      '2025-05-20 10:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.42-1.el9 started.',
      '2025-05-20 10:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
      '    You need to specify one of the following as an environment variable:',
      '    - MYSQL_ROOT_PASSWORD',
      '    - MYSQL_ALLOW_EMPTY_PASSWORD',
      '    - MYSQL_RANDOM_ROOT_PASSWORD',
    ])
  })

  it('initializes an empty data directory, then listens on 3306', () => {
    const c = fakeContainer(mysql, { env: { MYSQL_ROOT_PASSWORD: 'secret' }, mounts: { '/var/lib/mysql': {} } })
    const plan = mysql.plan({}, c.env)
    expect(plan.listens).toEqual([3306, 33060])
    expect(plan.listenAfterMs).toBeGreaterThanOrEqual(10_000)
    expect(c.fs.isDir('/var/lib/mysql/mysql')).toBe(true)
  })

  it('starts faster on a data directory that is already initialized', () => {
    const c = fakeContainer(mysql, { mounts: { '/var/lib/mysql': { 'mysql/db.opt': '' } } })
    const plan = mysql.plan({}, c.env)
    expect(plan.exit).toBeUndefined()
    expect(plan.listenAfterMs).toBeLessThan(10_000)
  })
})

describe('postgres', () => {
  it('exits 1 without POSTGRES_PASSWORD', () => {
    const pg = postgresImage()
    const c = fakeContainer(pg)
    const plan = pg.plan({}, c.env)
    expect(plan.exit?.exitCode).toBe(1)
    expect(plan.startupLog?.[0]).toBe('Error: Database is uninitialized and superuser password is not specified.')
  })
})
