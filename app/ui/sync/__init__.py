"""Sync in the GUI: the status-bar widget, the 同步 menu, the review-queue and enrolment dialogs."""
