"""StreamField blocks shared by every editorial page of the site."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Titre", max_length=200)
    level = blocks.ChoiceBlock(
        label="Niveau", choices=[("h2", "Titre 2"), ("h3", "Titre 3")], default="h2"
    )

    class Meta:
        icon = "title"
        label = "Titre de section"
        template = "blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Citation")
    source = blocks.CharBlock(label="Auteur ou source", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Citation"
        template = "blocks/quote.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", required=False, max_length=200)
    text = blocks.RichTextBlock(label="Texte", features=["bold", "italic", "link"])
    link_label = blocks.CharBlock(label="Libellé du bouton", required=False, max_length=80)
    link_url = blocks.URLBlock(label="Lien du bouton", required=False)

    class Meta:
        icon = "pick"
        label = "Mise en avant"
        template = "blocks/callout.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Image")
    alt_text = blocks.CharBlock(
        label="Texte alternatif",
        required=False,
        max_length=250,
        help_text="Laisser vide si l'image est purement décorative.",
    )
    caption = blocks.CharBlock(label="Légende", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/image.html"


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="Libellé", max_length=200)
    page = blocks.PageChooserBlock(label="Page du site", required=False)
    url = blocks.URLBlock(label="Ou adresse externe", required=False)

    class Meta:
        icon = "link"
        label = "Lien"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": "Choisissez une page ou saisissez une adresse."}
            )
        return value


class LinkListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", required=False, max_length=200)
    links = blocks.ListBlock(LinkBlock(), label="Liens")

    class Meta:
        icon = "list-ul"
        label = "Liste de liens"
        template = "blocks/link_list.html"


COMMON_BLOCKS = [
    ("heading", HeadingBlock()),
    ("paragraph", blocks.RichTextBlock(label="Paragraphe", features=RICH_TEXT_FEATURES)),
    ("quote", QuoteBlock()),
    ("callout", CalloutBlock()),
    ("image", ImageBlock()),
    ("embed", EmbedBlock(label="Vidéo ou contenu intégré")),
    ("links", LinkListBlock()),
]
