// The e-mail job: one message through the configured SMTP server (nodemailer). A failure throws, so
// the queue retries it with backoff. Without SMTP configured the job is closed as skipped.
import nodemailer from 'nodemailer';
import type { AppConfig } from '../../infra/config.ts';

export const EMAIL_JOB = 'email.send';

export interface EmailPayload {
  to: string;
  subject: string;
  text: string;
}

export function createMailer(smtp: NonNullable<AppConfig['smtp']>) {
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.port === 465,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

export async function sendEmail(
  config: Pick<AppConfig, 'smtp'>,
  payload: EmailPayload,
): Promise<{ messageId?: string; skipped?: boolean }> {
  if (!config.smtp) return { skipped: true };
  const mailer = createMailer(config.smtp);
  try {
    const info = await mailer.sendMail({
      from: config.smtp.from,
      to: payload.to,
      subject: payload.subject,
      text: payload.text,
    });
    return { messageId: info.messageId };
  } finally {
    mailer.close();
  }
}
