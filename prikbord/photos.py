"""Photos on cards. They are stored without their metadata (a phone photo can say where it was
taken), turned the right way up, and kept in a "Prikbord" collection inside the centre's own
collection, so that the centre's staff find them and erasing an account finds them too."""

import io
import uuid

from PIL import Image, ImageOps

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from accounts.centres import centre_collection

from .models import PrikbordItemPage

COLLECTION_NAME = "Prikbord"
# Large enough for any card; phone photos are often four times this.
LONGEST_SIDE = 2000
FORMATS = {"PNG": "png", "WEBP": "webp"}


def prikbord_collection(site):
    """The centre's collection of card photos, where the centre's staff (and only they, besides
    city-wide staff) have their rights on images."""
    centre = centre_collection(site)
    existing = centre.get_children().filter(name=COLLECTION_NAME).first()
    return existing or centre.add_child(name=COLLECTION_NAME)


def move_older_card_photos():
    """Card photos from before they were kept per centre are in a "Prikbord" collection under the
    root, out of sight of centre staff: each goes to the collection of its card's centre."""
    root = Collection.get_first_root_node()  # None in a database just emptied (flush)
    older = root and root.get_children().filter(name=COLLECTION_NAME).first()
    if older is None:
        return
    cards = PrikbordItemPage.objects.filter(photo__collection=older).select_related("photo")
    for card in cards:
        card.photo.collection = prikbord_collection(card.get_site())
        card.photo.save(update_fields=["collection"])


def clean_copy(upload):
    """The picture alone, re-encoded: no EXIF (location, camera), at most LONGEST_SIDE."""
    upload.seek(0)
    with Image.open(upload) as original:
        picture = ImageOps.exif_transpose(original)
        picture.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
        extension = FORMATS.get(original.format, "jpg")
        if extension == "jpg" and picture.mode != "RGB":
            picture = picture.convert("RGB")
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG" if extension == "jpg" else original.format)
    return ImageFile(buffer, name=f"prikbord-{uuid.uuid4().hex[:12]}.{extension}")


def store_photo(upload, user, title, description, site):
    return get_image_model().objects.create(
        title=title[:255],
        description=description[:255],
        file=clean_copy(upload),
        uploaded_by_user=user,
        collection=prikbord_collection(site),
    )


def photos_of(user):
    """Every photo a person put on the prikbord, of any centre."""
    return get_image_model().objects.filter(uploaded_by_user=user, collection__name=COLLECTION_NAME)
