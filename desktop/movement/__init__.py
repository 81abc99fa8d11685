"""The movement's own record (hồ sơ phong trào): activities (hoạt động), initiatives and models
(sáng kiến, giải pháp, mô hình điển hình), units' commitments (đăng ký thi đua, kế hoạch của đơn
vị), and the deadlines (việc cần làm) of the plan and of the clerk."""
