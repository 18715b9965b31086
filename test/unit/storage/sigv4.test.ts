// The SigV4 signer against AWS's published test-suite vectors (no network needed).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, canonicalQuery, signRequest, signingKey, toAmzDate } from '../../../src/infra/storage/sigv4.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const vector = (url: string, method = 'GET') =>
  signRequest({
    method,
    url: new URL(url),
    headers: { Host: 'example.amazonaws.com', 'X-Amz-Date': '20150830T123600Z' },
    payloadHash: EMPTY_SHA256,
    region: 'us-east-1',
    service: 'service',
    amzDate: '20150830T123600Z',
    credentials,
  });

describe('AWS Signature V4', () => {
  it('get-vanilla: canonical request, string to sign and Authorization header match the AWS example', () => {
    const s = vector('https://example.amazonaws.com/');
    expect(s.canonicalRequest).toBe(
      [
        'GET',
        '/',
        '',
        'host:example.amazonaws.com',
        'x-amz-date:20150830T123600Z',
        '',
        'host;x-amz-date',
        EMPTY_SHA256,
      ].join('\n'),
    );
    expect(s.stringToSign).toBe(
      'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63',
    );
    expect(s.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it('get-vanilla-query-order-key-case: query parameters sorted by name', () => {
    expect(vector('https://example.amazonaws.com/?Param2=value2&Param1=value1').signature).toBe(
      'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    );
  });

  it('post-vanilla: the method is part of the signature', () => {
    expect(vector('https://example.amazonaws.com/', 'POST').signature).toBe(
      '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
    );
  });

  it('derives the signing key by the HMAC chain (AWS docs example for iam, 20120215)', () => {
    expect(signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20120215', 'us-east-1', 'iam').toString('hex')).toBe(
      'f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d',
    );
  });

  it('encodes query values the RFC 3986 way and formats x-amz-date', () => {
    expect(canonicalQuery(new URL('https://h/?b=a b&a=*~'))).toBe('a=%2A~&b=a%20b');
    expect(toAmzDate(new Date('2015-08-30T12:36:00.123Z'))).toBe('20150830T123600Z');
  });

  it('S3 paths are encoded once; the payload hash is signed as given', () => {
    const s = signRequest({
      method: 'PUT',
      url: new URL('https://minio.local:9000/bucket/ab/cd/file%20name'),
      headers: {
        host: 'minio.local:9000',
        'x-amz-date': '20150830T123600Z',
        'x-amz-content-sha256': createHash('sha256').update('x').digest('hex'),
      },
      payloadHash: createHash('sha256').update('x').digest('hex'),
      region: 'us-east-1',
      service: 's3',
      amzDate: '20150830T123600Z',
      credentials,
    });
    expect(s.canonicalRequest.split('\n')[1]).toBe('/bucket/ab/cd/file%20name');
    expect(s.signedHeaders).toBe('host;x-amz-content-sha256;x-amz-date');
  });
});
