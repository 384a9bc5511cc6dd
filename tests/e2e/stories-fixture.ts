import sharp from 'sharp';
import { createStory, setStoryPublished, uploadStoryImage } from '../../src/features/stories/stories.service.ts';
import { storyInputSchema } from '../../src/features/stories/stories.validation.ts';
import type { CurrentUser } from '../../src/web/types.ts';
import type { TestContext } from '../helpers/test-app.ts';

/** Stories for the page table (helper C): a published one with an image and a linked profile, and a draft. */
export type StoriesFixture = { storySlug: string; storyId: string; draftStoryId: string };

export async function seedStories(t: TestContext, p: { coordinator: CurrentUser; organisationSlug: string }): Promise<StoriesFixture> {
  const ctx = t.ctx(p.coordinator);
  const published = await createStory(
    ctx,
    storyInputSchema.parse({
      title: 'De kippen van De Hazelaar',
      kind: 'portret',
      lead: 'Hoe een zorgboerderij in Emmen twintig mensen een zinvolle dag geeft.',
      body: '## Het begin\n\nHet begon met **drie kippen** en een moestuin.\n\n- Dagbesteding\n- Werk met dieren\n\nLees meer op [de website](https://hazelaar.example.org).',
      themes: ['zorg-en-welzijn'],
      organisations: p.organisationSlug,
    }),
  );
  if (!published.ok) throw new Error('story fixture');
  const jpeg = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#6b8e23' } }).jpeg().toBuffer();
  await uploadStoryImage(ctx, published.story.id, new Uint8Array(jpeg), 'Een kip in het gras voor de schuur');
  await setStoryPublished(ctx, published.story.id, true);
  const draft = await createStory(
    ctx,
    storyInputSchema.parse({ title: 'Nieuws uit Coevorden', kind: 'nieuws', lead: 'Een concept.', body: 'Nog niet af.', themes: [], organisations: '' }),
  );
  if (!draft.ok) throw new Error('story fixture');
  return { storySlug: published.story.slug, storyId: published.story.id, draftStoryId: draft.story.id };
}
