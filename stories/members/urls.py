from django.urls import path

from stories.members import accept, views

members = "teams/<slug:slug>/members"

urlpatterns = [
    path(f"{members}/", views.members, name="members"),
    path(f"{members}/invite/", views.invite, name="members_invite"),
    path(f"{members}/language/", views.team_language, name="team_language"),
    path(f"{members}/invitations/<str:invitation_id>/resend/", views.resend, name="members_resend"),
    path(f"{members}/<str:membership_id>/role/", views.change_role, name="members_role"),
    path(f"{members}/<str:membership_id>/remove/", views.remove, name="members_remove"),
    path("invitations/<str:token>/", accept.accept, name="invitation_accept"),
]
