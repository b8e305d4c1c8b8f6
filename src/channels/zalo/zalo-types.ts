/**
 * Raw shapes of the Zalo Bot Platform API (https://bot.zaloplatforms.com/docs), as far as this
 * adapter reads them. Every id is a string; `date` is a Unix time in milliseconds.
 */

export interface ZaloUser {
  id: string;
  display_name?: string;
  /** Older payloads and the docs' sample use `first_name` or `name` instead of `display_name`. */
  first_name?: string;
  name?: string;
  is_bot?: boolean;
}

export interface ZaloChat {
  id: string;
  chat_type?: 'PRIVATE' | 'GROUP';
}

export interface ZaloMessage {
  message_id: string;
  from: ZaloUser;
  chat: ZaloChat;
  /** Milliseconds since the epoch. */
  date?: number;
  text?: string;
  photo?: string;
  photo_url?: string;
  caption?: string;
  sticker?: string;
}

/** One update: what getUpdates returns in `result`, and what a webhook request carries. */
export interface ZaloUpdate {
  event_name?: string;
  message?: ZaloMessage;
}
