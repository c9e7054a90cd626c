"""E-mail that a page waits for approval goes only to staff of the page's own centre."""

from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from .models import CentreApprovalTask

# Wagtail's own receiver of this signal, which ours takes the place of.
WAGTAIL_RECEIVER = "group_approval_task_submitted_email_notification"


class CentreApprovalNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    """Wagtail tells every member of the task's groups; in an install with many centres that
    would tell staff of every centre about a resident's card in one of them."""

    def get_recipient_users(self, task_state, **kwargs):
        recipients = super().get_recipient_users(task_state, **kwargs)
        task = task_state.task.specific
        if not isinstance(task, CentreApprovalTask):
            return recipients
        content = task_state.workflow_state.content_object
        return [user for user in recipients.distinct() if task.looks_after(content, user)]


def notify_only_centre_staff():
    """Put our notifier in Wagtail's place, whichever app gets ready first."""
    task_submitted.disconnect(sender=TaskState, dispatch_uid=WAGTAIL_RECEIVER)
    task_submitted.connect(
        CentreApprovalNotifier(), sender=TaskState, dispatch_uid=WAGTAIL_RECEIVER, weak=False
    )
