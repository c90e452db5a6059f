// Our job ids are built from our own ids (`${eventId}:reminder:${userId}`), but BullMQ refuses custom ids
// that contain ':' (unless split in exactly three parts) or look like integers. The mapping below is
// one-to-one, so the same logical id always finds the same BullMQ job and two logical ids never share one.

const INTEGER_MARK = '%N'; // escaped text only ever holds '%25' and '%3A', so '%N' cannot occur in it

/** The BullMQ job id for one of our job ids. */
export function toBullJobId(jobId: string): string {
  const escaped = jobId.replace(/[%:]/g, (c) => (c === '%' ? '%25' : '%3A'));
  // BullMQ's own test is `${parseInt(id, 10)}` === id, which also refuses the text 'NaN'.
  return `${parseInt(escaped, 10)}` === escaped ? `${INTEGER_MARK}${escaped}` : escaped;
}

/** Our job id back from a BullMQ job id made by toBullJobId. */
export function fromBullJobId(bullId: string): string {
  const unmarked = bullId.startsWith(INTEGER_MARK) ? bullId.slice(INTEGER_MARK.length) : bullId;
  return unmarked.replace(/%(25|3A)/g, (_m, code: string) => (code === '25' ? '%' : ':'));
}
