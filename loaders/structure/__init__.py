"""Paragraphs → the plan's structure: its outline, header, attachments and the kind of each chapter."""
