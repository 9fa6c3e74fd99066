export { CHANNEL_LABELS, COMPLAINT_CHANNELS, type ComplaintChannel } from '../../contracts/channels.ts';
