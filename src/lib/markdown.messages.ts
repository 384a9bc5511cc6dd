/** Messages of the Markdown text fields (src/lib/markdown.ts), shared by every feature that takes Markdown. */
export const markdownMessages = {
  nl: {
    'markdown.problem.html':
      'Gebruik geen HTML-code (zoals <script> of onclick=) in de tekst. Opmaak kan met Markdown: **vet**, *schuin*, - voor een opsomming en [tekst](https://adres) voor een link.',
    'markdown.problem.link': 'Een link mag alleen naar een webadres (https://…), een e-mailadres (mailto:…) of een pagina op dit platform (/…) gaan.',
    'markdown.hint': 'U kunt Markdown gebruiken: **vet**, *schuin*, ## tussenkop, - opsomming, [tekst](https://adres) voor een link. HTML-code werkt niet.',
  },
  en: {
    'markdown.problem.html':
      'Do not use HTML code (such as <script> or onclick=) in the text. Use Markdown for layout: **bold**, *italic*, - for a list and [text](https://address) for a link.',
    'markdown.problem.link': 'A link may only go to a web address (https://…), an email address (mailto:…) or a page on this platform (/…).',
    'markdown.hint': 'You can use Markdown: **bold**, *italic*, ## subheading, - list, [text](https://address) for a link. HTML code does not work.',
  },
};
