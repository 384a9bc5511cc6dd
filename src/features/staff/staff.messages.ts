/** Text of the staff landing page /beheer. */
export const staffMessages = {
  nl: {
    'staff.home.title': 'Beheer',
    'staff.home.intro': 'Hier vindt u de onderdelen die u met uw rol kunt beheren.',
    'staff.home.none': 'Voor uw rol zijn er nu nog geen onderdelen om te beheren.',
    'staff.tool.moderation.title': 'Profielen beoordelen',
    'staff.tool.moderation.text': 'Keur profielen van organisaties goed of af voordat ze openbaar worden.',
    'staff.tool.stories.title': 'Verhalen',
    'staff.tool.stories.text': 'Schrijf en publiceer portretten van ondernemers en nieuws.',
    'staff.tool.outbox.title': 'Uitgaande e-mail',
    'staff.tool.outbox.text': 'Bekijk de e-mails die het platform verstuurt of bewaart.',
  },
  en: {
    'staff.home.title': 'Staff',
    'staff.home.intro': 'Here you find the parts you can manage with your role.',
    'staff.home.none': 'There is nothing to manage for your role yet.',
    'staff.tool.moderation.title': 'Review profiles',
    'staff.tool.moderation.text': 'Approve or reject profiles of organisations before they become public.',
    'staff.tool.stories.title': 'Stories',
    'staff.tool.stories.text': 'Write and publish portraits of entrepreneurs and news.',
    'staff.tool.outbox.title': 'Outgoing email',
    'staff.tool.outbox.text': 'See the emails the platform sends or keeps.',
  },
};
