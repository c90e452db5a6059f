/** The custom arg every message carries: SendGrid echoes it in each Event Webhook event, tying events to our job. */
export const JOB_ID_ARG = 'touchline_job_id';
