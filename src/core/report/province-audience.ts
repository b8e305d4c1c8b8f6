import type { ChannelName, ChatRef } from '../messages.ts';
import type { Stores } from '../../store/stores.ts';

/**
 * Where summaries for the province go, per channel in use: the bound provincial group, or where a
 * channel has none (Zalo groups are limited), the private chat on that channel of every leader of the
 * province itself (a district's leaders see their own subtree only, never the whole province's list).
 */
export async function provinceAudience(stores: Stores, channels: readonly ChannelName[], provinceCode: string): Promise<ChatRef[]> {
  const [groups, people] = await Promise.all([stores.settings.provinceGroups(), stores.people.list()]);
  const audience: ChatRef[] = [];
  for (const channel of channels) {
    const group = groups[channel];
    if (group) {
      audience.push(group);
      continue;
    }
    for (const leader of people.filter((p) => p.role === 'leader' && p.unitCode === provinceCode)) {
      for (const identity of leader.identities.filter((i) => i.channel === channel)) {
        audience.push({ channel, chatId: identity.chatId, kind: 'private' });
      }
    }
  }
  return audience;
}
