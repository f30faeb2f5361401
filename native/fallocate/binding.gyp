{
  "targets": [
    {
      "target_name": "fallocate",
      "sources": ["fallocate.c"]
    }
  ]
}
