import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A certificate authority made for this test run (openssl), and a certificate it signs for
 * 127.0.0.1 and localhost: the stand-ins for Microsoft and Google serve https with it, and the
 * code under test trusts it through NODE_EXTRA_CA_CERTS, as a company CA is trusted.
 */
export function testCa(): { dir: string; caPath: string; key: string; cert: string } {
  const dir = process.env['RICOCHET_TEST_CA_DIR'] ?? join(tmpdir(), `ricochet-test-ca-${process.pid}`);
  const caPath = join(dir, 'ca.pem');
  if (!existsSync(join(dir, 'server.pem'))) {
    mkdirSync(dir, { recursive: true });
    const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '30',
      '-subj',
      '/CN=Ricochet test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
    run(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      '/CN=127.0.0.1',
    );
    writeFileSync(
      join(dir, 'server.ext'),
      'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n',
    );
    run(
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.pem',
      '-days',
      '30',
      '-extfile',
      'server.ext',
    );
  }
  return {
    dir,
    caPath,
    key: readFileSync(join(dir, 'server.key'), 'utf8'),
    cert: readFileSync(join(dir, 'server.pem'), 'utf8'),
  };
}

/**
 * For the test run's global setup: made once, before the workers start, so that every worker
 * (and every process they start) trusts it from its first line.
 */
export function trustTestCa(): void {
  const ca = testCa();
  process.env['RICOCHET_TEST_CA_DIR'] = ca.dir;
  process.env['NODE_EXTRA_CA_CERTS'] = ca.caPath;
}
