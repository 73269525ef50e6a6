"""Saves that race: two requests pass the same uniqueness check before either has saved.

The model's checks run before the save, so a double click or two editors at once can both pass
them; the database's unique constraint then stops the second save with an IntegrityError. By
then the first save has committed, so the model's own checks see it and can say what clashed.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

# Each clash means another save has committed, so a save clashes at most once for each other
# save racing it: a crowd of N creating the same title at once needs up to N tries. Twenty
# outlast any realistic crowd (the concurrency test sends twelve, and ten once fell short).
ATTEMPTS = 20


def save_explaining_clashes(instance, save, *, regenerate=None):
    """Run ``save()`` in a savepoint; a clash the database finds becomes a ValidationError.

    ``regenerate(field_names)`` may pick new values for fields the portal chose itself (a slug
    made from the title) and return True to try again; otherwise the clash is explained with the
    model's own message. An IntegrityError the model's checks cannot explain is raised as is.
    """
    for _attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                return save()
        except IntegrityError:
            clash = _explained(instance)
            if clash is None:
                raise
            if regenerate is None or not regenerate(set(clash.error_dict)):
                raise ValidationError(clash.messages) from None
    raise ValidationError(clash.messages)


def _explained(instance):
    """The uniqueness rule the stored rows now break, or None. Only uniqueness: a check
    constraint cannot be broken by a race, so its IntegrityError is left to be seen as it is."""
    model = type(instance)
    try:
        # Django's own check, not a model's override that leaves out fields it fills itself.
        models.Model.validate_unique(instance)
        for constraint in model._meta.constraints:
            if isinstance(constraint, models.UniqueConstraint):
                constraint.validate(model, instance)
    except ValidationError as error:
        return ValidationError(error.update_error_dict({}))
    return None
