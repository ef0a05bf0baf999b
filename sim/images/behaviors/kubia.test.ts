import { describe, expect, it } from 'vitest'
import { fakeContainer } from '../fake-env'
import { kubiaImage } from './kubia'

const pet = kubiaImage(true)

describe('kubia-pet', () => {
  it('answers GET before anything was posted', () => {
    const c = fakeContainer(pet, { podName: 'sts-kubia-0', mounts: { '/var/data': {} } })
    const res = pet.http!(8080, { method: 'GET', path: '/' }, c.env)
    // app.js: "You've hit " + hostname + "\n", then "Data stored on this pod: " + data + "\n".
    expect(res.body).toBe("You've hit sts-kubia-0\nData stored on this pod: No data posted yet\n")
  })

  it('stores POSTed text and shows it, byte for byte as in seed 004', () => {
    const c = fakeContainer(pet, { podName: 'sts-kubia-0', mounts: { '/var/data': {} } })
    // curl -X POST -d "Hey, there" .../pods/sts-kubia-0/proxy/
    const post = pet.http!(8080, { method: 'POST', path: '/', body: 'Hey, there' }, c.env)
    expect(post.body).toBe('Data stored on pod sts-kubia-0\n')
    expect(c.fs.readFile('/var/data/kubia.txt')).toBe('Hey, there')
    const get = pet.http!(8080, { method: 'GET', path: '/' }, c.env)
    expect(get.body).toBe("You've hit sts-kubia-0\nData stored on this pod: Hey, there\n")
    expect(c.log).toEqual(['New data has been received and stored.'])
  })

  it('keeps the data on the volume for the next pod with the same name', () => {
    const first = fakeContainer(pet, { podName: 'sts-kubia-1', mounts: { '/var/data': {} } })
    pet.http!(8080, { method: 'POST', path: '/', body: 'sth sotred in sts-kubia-1' }, first.env)
    const volume = { 'kubia.txt': first.fs.readFile('/var/data/kubia.txt') }
    const second = fakeContainer(pet, { podName: 'sts-kubia-1', mounts: { '/var/data': volume } })
    expect(pet.http!(8080, { method: 'GET', path: '/' }, second.env).body).toBe("You've hit sts-kubia-1\nData stored on this pod: sth sotred in sts-kubia-1\n")
  })

  it('runs node app.js on 8080 and ignores SIGTERM as PID 1', () => {
    const c = fakeContainer(pet)
    const plan = pet.plan({}, c.env)
    expect(plan.listens).toEqual([8080])
    expect(plan.exit).toBeUndefined()
    expect(plan.onSigterm).toBe('ignore')
    expect(plan.startupLog).toEqual([])
  })

  it('drops the request when there is no /var/data to write to', () => {
    const c = fakeContainer(pet)
    const res = pet.http!(8080, { method: 'POST', path: '/', body: 'x' }, c.env)
    expect(res.reset).toBe(true)
    expect(c.log).toContain("Error: ENOENT: no such file or directory, open '/var/data/kubia.txt'")
  })
})

describe('kubia', () => {
  const kubia = kubiaImage(false)

  it('logs that it is starting and answers with its hostname', () => {
    const c = fakeContainer(kubia, { podName: 'kubia-7d5b6f9c8-x2x5q' })
    expect(kubia.plan({}, c.env).startupLog).toEqual(['Kubia server starting...'])
    const res = kubia.http!(8080, { method: 'GET', path: '/', remoteAddr: '10.244.2.1' }, c.env)
    expect(res.body).toBe("You've hit kubia-7d5b6f9c8-x2x5q\n")
    expect(c.log).toEqual(['Received request from ::ffff:10.244.2.1'])
  })
})
