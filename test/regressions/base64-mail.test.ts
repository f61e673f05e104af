/**
 * Found by a review of the log formats: a log mailed as a base64 text part or attachment (`Content-Transfer-Encoding:
 * base64`, as mailers encode a `dmesg.txt` they attach) gave 0 splats, where quoted-printable was decoded.
 */
import { e4Dmesg, findingsOf } from './_e4-sample.js';

const base64Lines = (text: string) => Buffer.from(text, 'utf8').toString('base64').match(/.{1,76}/g)!;

const HEADERS = [
  'From mailer@example.org Sun Nov 29 09:00:00 2026',
  'From: Some One <someone@example.org>',
  'Subject: [BUG] vmemmap_populate WARN storm on arm64',
  'MIME-Version: 1.0',
];

test('Found by a review: the e4 sample as a base64 text body gives what the plain log gives', async () => {
  const log = e4Dmesg();
  const mail = [...HEADERS, 'Content-Type: text/plain; charset="utf-8"', 'Content-Transfer-Encoding: base64', '', ...base64Lines(log), ''];
  expect(await findingsOf(`${mail.join('\n')}\n`)).toEqual(await findingsOf(log));
});

test('Found by a review: the e4 sample as a base64 attachment, between a text part and a quoted-printable mail', async () => {
  const log = e4Dmesg();
  const mail = [
    ...HEADERS,
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: 7bit',
    '',
    'Hi, the log is attached.',
    '',
    '--b1',
    'Content-Type: text/plain; charset="utf-8"; name="dmesg.txt"',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="dmesg.txt"',
    '',
    ...base64Lines(log),
    '--b1--',
    '',
    'From other@example.org Sun Nov 29 10:00:00 2026',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Thanks, looking at it=',
    ' now.',
  ];
  expect(await findingsOf(`${mail.join('\n')}\n`)).toEqual(await findingsOf(log));
});
