"""Photos on cards. They are stored without their metadata (a phone photo can say where it was
taken), turned the right way up, and kept in a collection of their own so that staff find them
and erasing an account finds them too."""

import io
import uuid

from PIL import Image, ImageOps

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

COLLECTION_NAME = "Prikbord"
# Large enough for any card; phone photos are often four times this.
LONGEST_SIDE = 2000
FORMATS = {"PNG": "png", "WEBP": "webp"}


def prikbord_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


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


def store_photo(upload, user, title, description):
    return get_image_model().objects.create(
        title=title[:255],
        description=description[:255],
        file=clean_copy(upload),
        uploaded_by_user=user,
        collection=prikbord_collection(),
    )


def photos_of(user):
    """Every photo a person put on the prikbord."""
    return get_image_model().objects.filter(uploaded_by_user=user, collection__name=COLLECTION_NAME)
