import type { Redis } from 'ioredis';
import type { ChannelName, ChatRef } from '../core/messages.ts';
import type { Lang, ProvinceGroups } from '../core/domain/types.ts';
import type { Keys } from './keys.ts';
import { parseStored } from './json.ts';
import { chatRefSchema } from './schemas.ts';

/** Small settings: each identity's language and the provincial group chat on each channel. */
export class SettingsStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async language(channel: ChannelName, userId: string): Promise<Lang | null> {
    const value = await this.redis.hget(this.keys.langs(), `${channel}:${userId}`);
    return value === 'vi' || value === 'en' ? value : null;
  }

  async setLanguage(channel: ChannelName, userId: string, lang: Lang): Promise<void> {
    await this.redis.hset(this.keys.langs(), `${channel}:${userId}`, lang);
  }

  async provinceGroups(): Promise<ProvinceGroups> {
    const all = await this.redis.hgetall(this.keys.groups());
    const groups: ProvinceGroups = {};
    for (const [channel, raw] of Object.entries(all)) {
      const chat = parseStored(raw, chatRefSchema);
      if (chat) groups[channel as ChannelName] = chat;
    }
    return groups;
  }

  async setProvinceGroup(chat: ChatRef): Promise<void> {
    await this.redis.hset(this.keys.groups(), chat.channel, JSON.stringify(chat));
  }
}
