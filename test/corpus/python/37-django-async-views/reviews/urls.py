from django.urls import path

from reviews import views

urlpatterns = [
    path("classify/", views.classify_review),
    path("classify-sync/", views.classify_review_sync),
]
